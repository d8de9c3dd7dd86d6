import type { Locator, Page } from 'playwright-core';

/** Page object for a team server's page: logging in, the list of projects, who is logged in. */
export class TeamPage {
  constructor(readonly page: Page) {}

  async logIn(login: string, password: string): Promise<void> {
    await this.page.getByTestId('team-login-name').fill(login);
    await this.page.getByTestId('team-login-password').fill(password);
    await this.page.getByTestId('team-login-submit').click();
  }

  /** Logs in and waits for the list of projects. */
  async logInToProjects(login: string, password: string): Promise<void> {
    await this.logIn(login, password);
    await this.page.getByTestId('team-projects').waitFor();
  }

  project(name: string): Locator {
    return this.page.locator(`[data-testid=team-project][data-project-name="${name}"]`);
  }

  /** Opens a project from the list and waits for its home in the app shell. */
  async open(name: string): Promise<void> {
    await this.project(name).getByTestId('team-project-open').click();
    await this.page.locator('.doc-link').first().waitFor();
  }

  async publish(file: string): Promise<void> {
    await this.page.getByTestId('team-publish-file').setInputFiles(file);
    await this.page.getByTestId('team-publish-submit').click();
  }

  /** Calls an action of the open project as the page would, bypassing its controls: what the server says to someone who tries. */
  async invokeDirectly(projectId: number, name: string, args: unknown): Promise<{ status: number; body: { ok: boolean; error?: { message: string } } }> {
    return this.page.evaluate(async ({ projectId: id, name: action, args: given }) => {
      const session = await (await fetch('/api/team/session')).json() as { csrf: string };
      const response = await fetch(`/api/team/projects/${id}/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
        body: JSON.stringify({ name: action, args: given }),
      });
      return { status: response.status, body: await response.json() as { ok: boolean; error?: { message: string } } };
    }, { projectId, name, args });
  }
}
