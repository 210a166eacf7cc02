/**
 * vague-attribution: weasel attributions ("some historians argue", "it is widely believed").
 */
import { collect, type Finding } from './finding';

const VAGUE = new RegExp(
  [
    `\\b(?:some|many|most|several|certain|numerous|various) (?:\\w{1,20} )?(?:historians|scholars|commentators|observers|critics|writers|analysts|experts|authors|academics|accounts|sources|specialists)(?: (?:have |had |now |long |also |still )?(?:argued|argue|suggested|suggest|claimed|claim|said|say|believe|believed|contended|contend|maintained|maintain|questioned|question|insisted|insist|accept|accepted|agree|agreed|hold|held|see|saw)\\b)?`,
    `\\b(?:some|many|most) (?:\\w{1,20} )?(?:[a-z]{2,20}s|people) (?:\\w{1,15} ){0,3}(?:believed|believe|thought|think|felt|feel|argued|argue|claimed|claim|said|say|feared|fear)\\b`,
    `\\b(?:some|others|critics|many) (?:have |had )?(?:argued|argue|suggested|suggest|claimed|claim|said|say|believe|believed|contended|contend|maintained|maintain|questioned|question|insisted|insist|seen|see|read|viewed|view|regarded|regard|interpreted|interpret|described|describe|called|call)\\b`,
    `\\bit (?:is|was|has|had) (?:(?:widely|commonly|generally|often|frequently|sometimes|usually|traditionally|long|now) )?(?:been )?(?:widely |commonly |generally |often |frequently |sometimes |usually |traditionally |long |now )?(?:said|believed|argued|claimed|suggested|thought|held|accepted|assumed|agreed|alleged|maintained|rumou?red)\\b`,
    `\\b(?:is|are|was|were|has been|have been) (?:often|widely|commonly|generally|frequently|sometimes|usually|traditionally) (?:described|seen|regarded|considered|viewed|said|called|thought|portrayed|believed|presented|depicted|cited)\\b`,
    `\\b(?:is|are|was|were) said to\\b`,
    `\\baccording to (?:some|many|most|several|certain|various|later|other|one) ?(?:\\w{1,15})?\\b`,
    `\\b(?:experts|critics|observers|commentators|historians|scholars) (?:say|argue|believe|claim|agree|suggest)\\b`,
  ].join('|'),
  // Case-insensitive without the unicode flag: V8 runs it several times faster.
  'gi',
);

export function findVagueAttributions(text: string): Finding[] {
  return collect(text, VAGUE, (m) => ({
    reason: 'vague-attribution',
    start: m.index,
    end: m.index + m[0].length,
    label: 'vague attribution',
  }));
}
