// Every migration, in order. `npm run migration:generate -- <name>` writes a new file here
// and prints the line to add below; read the SQL before it lands.
import { Registration1795275560873 } from './1795275560873-registration.js';

export const migrations = [Registration1795275560873];
