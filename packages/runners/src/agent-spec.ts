/** What a runner needs to know about an agent on disk. Produced by discovery. */
export type AgentSpec = {
  id: string;
  name: string;
  /** The directory ADK's loader is pointed at; the agent is the folder `appName` inside it. */
  agentsDir: string;
  appName: string;
  /**
   * The folder that owns the agent's dependency files, `.env`, `Dockerfile` and
   * `.dockerignore`. For an `adk create` folder it is the agent folder itself; for a project
   * layout it is the project folder that holds the agent package.
   */
  projectDir: string;
  /** Variables from configuration, passed to the agent at run time on top of its `.env`. */
  env: Record<string, string>;
};
