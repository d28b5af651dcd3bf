import { notFoundView } from '../layout.js';
import { onLangChange } from '../i18n.js';

notFoundView();
onLangChange(notFoundView);
