// The facilitation feature: the facilitator's signed actions and everyone's view of them
// (phases, timer, votes, anonymity, bring everyone here, co-facilitators and handover, the
// charter's quorum, checks and freezes), checked against the workshop's facilitator key as this
// device pinned it; the panel above the board; and the policy it gives the board.
export { createFacilitationController, type FacilitationController, type FacilitationDeps, type FacilitationView, type Me } from './facilitationController';
export { createFacilitationActions, type Delegate, type FacilitationActions } from './facilitationActions';
export { startFacilitationDuties } from './facilitationDuties';
export { FacilitationContext, useFacilitation, type Facilitation } from './facilitationContext';
export { FacilitationPanel } from './FacilitationPanel';
export { navigateTo } from './navigateTo';
// The built-in agenda's phase titles in the reader's language (the history's phase pins).
export { builtInPhaseTitle, isBuiltInTitle } from './builtInAgenda';
// The facilitator's own agenda templates, offered when a workshop is created.
export { loadTemplates as loadAgendaTemplates } from './facilitationStorage';
