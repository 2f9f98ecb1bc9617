/** Refusals and role names shared by every feature that checks permissions. */
export const accessEn = {
  refused: {
    adminOnly: 'Only Liaison admins can do that. Nothing was changed — ask a workspace admin.',
    leadOrAdmin: "Only this department's lead or head, or an admin, can do that. Nothing was changed.",
    leadOrExecutive: 'Only department leads, heads and executives can see that.',
    memberOrAdmin:
      "Only members of the KPI's owner department, or an admin, can record its values. Nothing was changed.",
    ownerLeadOrAdmin:
      "Only the item's owner, a lead or head of the owner's department, or an admin can do that. Nothing was changed.",
    unknownPerson: 'Liaison does not know you yet. Try again in a moment.',
  },
  roleNames: {
    admin: 'admin',
    executive: 'executive',
    lead: 'lead',
    member: 'member',
  },
};
