// The facilitation feature: the facilitator's signed actions and everyone's view of them
// (phases, timer, votes, anonymity, bring everyone here), checked against the pinned
// facilitator key; the panel above the board; and the policy it gives the board.
export { createFacilitationController, type FacilitationController, type FacilitationDeps, type FacilitationView, type Me } from './facilitationController';
export { createFacilitationActions, type FacilitationActions } from './facilitationActions';
export { FacilitationContext, useFacilitation, type Facilitation } from './facilitationContext';
export { FacilitationPanel } from './FacilitationPanel';
export { navigateTo } from './navigateTo';
