// The join feature: the page that takes an invite (link or code) and who you are, and stores
// the workshop and its room settings so its board opens connected.
export { JoinPage } from './JoinPage';
