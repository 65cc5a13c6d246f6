// The charter PDF's fonts in the app: the font files Vite copies into the app's own assets, read
// with fetch from the app's origin (connect-src 'self'), only when a PDF of layout 2 is exported
// or verified, and the 10 MB CJK font only when a charter needs it. Never from the network.
import notoSans from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import notoSansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import notoSansSc from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import type { CharterFontFile, FontLoader } from '../../../../shared/charter';

const URLS: Readonly<Record<CharterFontFile, string>> = {
  'NotoSans-Regular': notoSans,
  'NotoSans-Bold': notoSansBold,
  'NotoSansSC-Regular': notoSansSc,
};

export const appFontLoader: FontLoader = async (file) => {
  const response = await fetch(URLS[file]);
  if (!response.ok) throw new Error(`the font ${file} could not be read from the app (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
};
