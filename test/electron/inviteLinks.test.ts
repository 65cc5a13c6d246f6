// Which command-line arguments and URLs open the join page: invite links only, and only their
// code's characters, so no argument can steer the window anywhere else.
import { describe, expect, it } from 'vitest';
import { joinRouteFrom, joinRouteInArgv } from '../../electron/main/inviteLinks';

describe('invite links for the desktop app', () => {
  it.each([
    ['bridgeboard://join?invite=7Z3K1ABCDE', '#/join/7Z3K1ABCDE'],
    ['bridgeboard://join/?invite=7Z3K1-ABCDE', '#/join/7Z3K1-ABCDE'],
    ['BRIDGEBOARD://join?invite=abc', '#/join/abc'],
  ])('opens %s as the join route', (url, route) => {
    expect(joinRouteFrom(url)).toBe(route);
  });

  it.each([
    'bridgeboard://join?invite=',
    'bridgeboard://join?invite=abc#/w/other',
    'bridgeboard://join?invite=abc&x=1',
    'bridgeboard://settings?invite=abc',
    'bridgeboard://join?invite=../../etc',
    'javascript:alert(1)',
    'https://example.com/#/join/abc',
    '--inspect=9229',
    42,
    null,
  ])('ignores %j', (url) => {
    expect(joinRouteFrom(url)).toBeNull();
  });

  it('finds the link among other arguments, as Windows and Linux pass it', () => {
    expect(joinRouteInArgv(['/opt/Bridgeboard/bridgeboard', '--no-sandbox', 'bridgeboard://join?invite=CODE1'])).toBe('#/join/CODE1');
    expect(joinRouteInArgv(['/opt/Bridgeboard/bridgeboard', '.'])).toBeNull();
  });
});
