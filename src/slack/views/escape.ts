/**
 * Makes user- or LLM-supplied text safe inside mrkdwn: `&`, `<` and `>` are escaped, which
 * also turns `<!channel>`, `<!here>`, `<@U…>` and `<!subteam^…>` into inert text, so a
 * description cannot notify anyone or forge a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
