import { createContext, useContext } from 'react';
import type { TeamProject, TeamUser } from './team-server';

/** The team project a page of a team server has open, who is logged in, and the ways out of it. */
export interface TeamShell {
  readonly user: TeamUser;
  readonly project: TeamProject;
  /** Back to the list of the server's projects. */
  readonly leave: () => void;
  readonly logOut: () => void;
}

export const TeamContext = createContext<TeamShell | null>(null);

/** The team project this window shows; null in the desktop app and browser mode. */
export const useTeam = (): TeamShell | null => useContext(TeamContext);

/**
 * False for a reviewer of a team project: they read and comment, and the server refuses them
 * every other change, so the controls that would only earn a refusal are not offered.
 */
export function useMayChange(): boolean {
  return useContext(TeamContext)?.project.role !== 'reviewer';
}
