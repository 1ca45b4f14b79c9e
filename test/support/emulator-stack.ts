// The setup most e2e files share: one emulator and one throw-away stack of a program pointed at it
// with the admin credentials, for the whole file.
import { EmulatorHarness } from "./emulator";
import { TestStack } from "./pulumi-stack";

export interface EmulatorStack {
  emulator: EmulatorHarness;
  stack: TestStack;
}

/** Starts the emulator, then creates a stack of `program` whose config points at it. */
export async function startEmulatorStack(program: string): Promise<EmulatorStack> {
  const emulator = await EmulatorHarness.start();
  try {
    return { emulator, stack: await TestStack.create({ program, config: emulator.stackConfig() }) };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

/** Removes the stack, then stops the emulator; either may be absent when the start failed. */
export async function stopEmulatorStack(started: Partial<EmulatorStack>): Promise<void> {
  await started.stack?.cleanup();
  await started.emulator?.stop();
}
