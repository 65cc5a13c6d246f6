// Facilitation: agenda and phases, signed facilitator actions, the shared timer, hidden dot
// votes, anonymous ideation, bring-everyone and the IT/OT balance. Platform-free.
export * from './agenda';
export * from './agendaTemplates';
export * from './actions';
export * from './actionMessage';
export * from './signedAction';
export * from './signAction';
export * from './facilitationDoc';
export * from './authority';
export * from './facilitationState';
export * from './rememberedActions';
export * from './timer';
export * from './clockOffset';
export * from './ballots';
export * from './voteResults';
export * from './balance';
export * from './roundSecret';
