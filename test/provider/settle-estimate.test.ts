import { SettleEstimate } from "../../src/provider/sync";

// How long a write's first sync poll waits: each wait holds one of the engine's parallel slots, and
// each early poll costs a request, so the estimate follows what the kind's writes show.
describe("the settle estimate behind a write's first poll", () => {
  it("starts at 200 ms and comes 2 % earlier after each write its first poll found settled", () => {
    const estimate = new SettleEstimate();
    expect(estimate.firstPollMs).toBe(200);
    estimate.settledAtFirstPoll();
    estimate.settledAtFirstPoll();
    expect(estimate.firstPollMs).toBe(192);
  });

  it("moves a quarter later as soon as a first poll finds the write pending, for the writes still waiting", () => {
    const estimate = new SettleEstimate();
    estimate.pendingAtFirstPoll(200);
    expect(estimate.firstPollMs).toBe(250);
    // A second early poll of a write that started before the first one moved it does not lower it.
    estimate.pendingAtFirstPoll(200);
    expect(estimate.firstPollMs).toBe(250);
  });

  it("lands between the first poll and the settled one when the sync took much longer", () => {
    const estimate = new SettleEstimate();
    estimate.pendingAtFirstPoll(200);
    estimate.settledLater(200, 1800);
    expect(estimate.firstPollMs).toBe(1000);
    // …and never moves earlier that way: a write that settled soon after its first poll says little.
    estimate.settledLater(200, 300);
    expect(estimate.firstPollMs).toBe(1000);
  });

  it("stays between 20 ms and 2 s", () => {
    const estimate = new SettleEstimate();
    for (let i = 0; i < 300; i++) estimate.settledAtFirstPoll();
    expect(estimate.firstPollMs).toBe(20);
    estimate.settledLater(1000, 60_000);
    expect(estimate.firstPollMs).toBe(2000);
    estimate.pendingAtFirstPoll(5000);
    expect(estimate.firstPollMs).toBe(2000);
  });
});
