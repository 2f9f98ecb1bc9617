/** Liaison admins: who they are, granting and taking back, and the roles line in whoami. */
export const adminsEn = {
  list: {
    fallback: 'Liaison admins: {count}',
    title: 'Liaison admins',
    line: '• <@{user}> — {source}',
    sourceSlack: 'Slack workspace admin',
    sourceGranted: 'granted in Liaison',
    empty: 'Nobody is a Liaison admin yet. Slack workspace admins become admins when they first use Liaison.',
    hint: 'Admins grant and take back admin rights with `/liaison admins add @person` and `/liaison admins remove @person`. Slack workspace admins are always admins.',
  },
  granted: '<@{user}> is now a Liaison admin.',
  alreadyAdmin: '<@{user}> is already an admin. Nothing changed.',
  revoked: '<@{user}> is no longer a Liaison admin.',
  notAdmin: '<@{user}> is not a granted Liaison admin. Nothing changed.',
  errors: {
    usage: 'Usage: `/liaison admins` · `/liaison admins add @person` · `/liaison admins remove @person`',
    unknownPerson: 'I cannot find {person}. Mention one person, like `/liaison admins add @alex`.',
    notAPerson: '<@{user}> is an app or a deactivated account and cannot be an admin.',
    slackAdmin:
      '<@{user}> is a Slack workspace admin, so an admin in Liaison too. Slack decides that, not Liaison. Nothing changed.',
    lastAdmin: 'That would leave Liaison without an admin. Grant someone else first. Nothing changed.',
  },
  roles: '*Roles*\n{roles}',
  help: {
    list: '`/liaison admins` — who the Liaison admins are',
    manage: '`/liaison admins add|remove @person` — grant or take back admin rights',
  },
};
