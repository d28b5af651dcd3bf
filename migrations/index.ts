// Every migration, in order. `npm run migration:generate -- <name>` writes a new file here
// and prints the line to add below; read the SQL before it lands.
import { Registration1795275560873 } from './1795275560873-registration.js';
import { AccountsAndAccess1795276266318 } from './1795276266318-accounts-and-access.js';
import { GamesAndPlayEvents1795276772959 } from './1795276772959-games-and-play-events.js';
import { Competition1795278555451 } from './1795278555451-competition.js';
import { LeadersAndAwards1795281323869 } from './1795281323869-leaders-and-awards.js';
import { KeptCategories1796195180782 } from './1796195180782-kept-categories.js';
import { TeamStaffAndLogo1796206081805 } from './1796206081805-team-staff-and-logo.js';
import { Webhooks1796206245718 } from './1796206245718-webhooks.js';
import { GameSummaryAndSnapshots1796206279861 } from './1796206279861-game-summary-and-snapshots.js';
import { TournamentLanguage1796210008031 } from './1796210008031-tournament-language.js';
import { TournamentOrganisingUnits1796211658029 } from './1796211658029-tournament-organising-units.js';
import { JerseyNumbersAsNumbers1796211916079 } from './1796211916079-jersey-numbers-as-numbers.js';
import { PlayerTournamentIndex1796216400000 } from './1796216400000-player-tournament-index.js';

export const migrations = [
  Registration1795275560873,
  AccountsAndAccess1795276266318,
  GamesAndPlayEvents1795276772959,
  Competition1795278555451,
  LeadersAndAwards1795281323869,
  KeptCategories1796195180782,
  TeamStaffAndLogo1796206081805,
  Webhooks1796206245718,
  GameSummaryAndSnapshots1796206279861,
  TournamentLanguage1796210008031,
  TournamentOrganisingUnits1796211658029,
  JerseyNumbersAsNumbers1796211916079,
  PlayerTournamentIndex1796216400000,
];
