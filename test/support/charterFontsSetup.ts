// Every test process renders charters with the fonts the project installs, as the CLI does.
import { setCharterFontLoader } from '../../shared/charter';
import { nodeFontLoader } from '../../cli/charterFonts';

setCharterFontLoader(nodeFontLoader());
