// The presenter feature: the board shown on a projector, one section or one card at a time in
// large type, then the vote results; opened from the board's toolbar.
export { PresentButton, type ResultsSource } from './PresentButton';
export { presenterSlides, type PresenterMode, type Slide } from './presenterSlides';
