// The timer's audible end: a short WebAudio beep. Browsers allow sound only after the user has
// interacted with the page; where that has not happened (or there is no audio), it stays silent
// and the visible "Time is up" is the signal.
let context: AudioContext | null = null;

export function playBeep(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (const offset of [0, 0.35, 0.7]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      osc.connect(gain).connect(context.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.3);
    }
  } catch {
    // No audio here: the visible end remains.
  }
}
