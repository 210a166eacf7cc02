/**
 * The writer's own argument and signposting ("This essay argues", "I take this to mean", "My sense is",
 * "In my view", "It is possible to hypothesize", "In sum"): such sentences are suppressed.
 */
const OWN_ARGUMENT =
  /\b(?:I|we) (?:would |will |shall |therefore |also |here |then |now )?(?:argue|suggest|contend|think|believe|take|interpret|propose|conclude|maintain|hypothesi[sz]e|submit|claim|consider|show|examine|focus|turn)\b|\b[Tt]his (?:essay|paper|chapter|dissertation|thesis|section|study|article|analysis)\b|\b[Ii]n my (?:view|opinion|reading|judge?ment|sense)\b|\b[Mm]y (?:sense|view|argument|contention|answer|reading|conclusion|claim|own view)\b|\b[Ii]t is possible to (?:hypothesi[sz]e|argue|suggest)\b|^\s*(?:In sum|To sum up|In conclusion|To conclude|In short)\b|\bI interpret\b|\bI take this\b/;

export function isOwnArgument(sentence: string): boolean {
  return OWN_ARGUMENT.test(sentence);
}
