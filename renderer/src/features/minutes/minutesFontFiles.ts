// The minutes PDF's fonts in the app: the font files Vite copies into the app's own assets (the
// same files as the charter PDF's, so the build holds one copy), read with fetch from the app's
// origin (connect-src 'self'), only when a PDF is made, and the 10 MB Chinese font only when the
// text needs it. Never from the network. Imported lazily, with the PDF export.
import notoSans from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import notoSansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import notoSansSc from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import type { MinutesFontFile, MinutesFontLoader } from '../../../../shared/minutes';

const URLS: Readonly<Record<MinutesFontFile, string>> = {
  'NotoSans-Regular': notoSans,
  'NotoSans-Bold': notoSansBold,
  'NotoSansSC-Regular': notoSansSc,
};

export const appFontLoader: MinutesFontLoader = async (file) => {
  const response = await fetch(URLS[file]);
  if (!response.ok) throw new Error(`the font ${file} could not be read from the app (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
};
