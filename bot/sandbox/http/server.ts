/** The Express app: gates first, then one router per API family, then Feishu's 404 and error answers. */
import express, { type Express } from 'express';
import type { SandboxContext } from '../context.js';
import { authRoutes } from './auth-routes.js';
import { cardUpdateRoutes } from './card-update-routes.js';
import { chatRoutes } from './chat-routes.js';
import { contactRoutes } from './contact-routes.js';
import { fileRoutes } from './file-routes.js';
import { callLog, injectedFaults, latency, requireTenantToken } from './gates.js';
import { messageRoutes } from './message-routes.js';
import { orgRoutes } from './org-routes.js';
import { urgentRoutes } from './urgent-routes.js';
import { wsEndpointRoutes } from './ws-endpoint-routes.js';
import { errorHandler } from './respond.js';

export function createApp(ctx: SandboxContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(callLog(ctx));
  app.use(latency(ctx));
  app.use(express.json({ limit: '20mb' }));
  app.use(wsEndpointRoutes(ctx));
  app.use('/open-apis', injectedFaults(ctx));
  app.use('/open-apis', requireTenantToken(ctx));
  // orgRoutes before contactRoutes: users/find_by_department is not a users/:user_id.
  for (const routes of [authRoutes, messageRoutes, urgentRoutes, cardUpdateRoutes, fileRoutes, orgRoutes, contactRoutes, chatRoutes]) {
    app.use('/open-apis', routes(ctx));
  }
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('404 page not found');
  });
  app.use(errorHandler);
  return app;
}
