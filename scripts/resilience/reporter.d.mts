import type { Reporter, TestModule } from 'vitest/node';

export declare const resultsDir: string;
export declare function resultsFile(suite: string): string;

export declare class ResilienceReporter implements Reporter {
  constructor(suite: string);
  onTestRunStart(): void;
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void;
}
