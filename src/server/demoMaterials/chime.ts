// The demo audio: a three-second two-note chime as 16-bit mono PCM WAV.
const SAMPLE_RATE = 22_050;
const SECONDS = 3;

export function chimeWav(): Uint8Array {
  const samples = SAMPLE_RATE * SECONDS;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    // A (440 Hz) for the first half, E (659.25 Hz) for the second, each fading out like a struck bell.
    const note = t < SECONDS / 2 ? 440 : 659.25;
    const since = t < SECONDS / 2 ? t : t - SECONDS / 2;
    const envelope = Math.min(1, since * 200) * Math.exp(-since * 2.5);
    const value = envelope * (0.6 * Math.sin(2 * Math.PI * note * t) + 0.2 * Math.sin(4 * Math.PI * note * t));
    data.writeInt16LE(Math.round(value * 0.8 * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // PCM format chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}
