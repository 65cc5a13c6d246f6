// The profile feature: who the user is on this device (name, side and role), asked once, and
// the fields rooms use to show (or, the first time, ask) the same.
export { currentAuthor, profileProblem, profileStore, useProfile, ROLE_MAX, type Profile } from './profileStore';
export { ProfileDialog } from './ProfileDialog';
export { MemberChoice, ProfileFields, type Who } from './ProfileFields';
