/**
 * Script and accent folding for organisation names (Cyrillic and Greek transliterated, accents
 * removed). It lives in core, so registry search folds exactly as the matcher does.
 */
export { foldScript as foldText } from '../../core/fold-script.js';
