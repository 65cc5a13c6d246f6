// The profile feature: who the user is on this device (name and side), asked once.
export { currentAuthor, profileStore, useProfile, type Profile } from './profileStore';
export { ProfileDialog } from './ProfileDialog';
