// Only parsed http(s) URLs leave the app; everything else is refused before `open` is called.
import { describe, expect, it, vi } from 'vitest';
import { openExternalUrl } from '../../../renderer/src/host/openExternal';

describe('openExternalUrl', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://10.0.0.5:8080/', 'http://10.0.0.5:8080/'],
    ['HTTPS://EXAMPLE.com', 'https://example.com/'],
  ])('opens %s', async (input, expected) => {
    const open = vi.fn();
    await openExternalUrl(input, open);
    expect(open).toHaveBeenCalledWith(expected);
  });

  it.each([['javascript:alert(1)'], ['file:///etc/passwd'], ['data:text/html,hi'], ['//example.com'], ['example.com'], [''], [42], [null]])(
    'refuses %s',
    async (input) => {
      const open = vi.fn();
      await expect(openExternalUrl(input, open)).rejects.toMatchObject({ name: 'HostError', code: 'forbidden' });
      expect(open).not.toHaveBeenCalled();
    },
  );
});
