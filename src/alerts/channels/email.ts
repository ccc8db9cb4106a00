// E-mail over SMTP (nodemailer). The SMTP host passes the same address policy as every HTTP fetch,
// and the connection is pinned to the checked address (TLS still verifies the host name).
import nodemailer from 'nodemailer';
import type { AppContext } from '../../context.ts';
import { resolveChecked } from '../../collect/http/address-policy.ts';
import { toHtml, toText, type Message } from '../message.ts';
import type { ResolvedChannel } from './repo.ts';

interface EmailSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  from: string;
}

/** Send the message to one address. */
export async function sendEmail(ctx: AppContext, ch: ResolvedChannel, to: string, m: Message): Promise<void> {
  const s = ch.settings as unknown as EmailSettings;
  const addr = await resolveChecked(s.host, ctx.config.allowPrivateNetworks);
  const transport = nodemailer.createTransport({
    host: addr.address,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: ch.secrets.password ?? '' } : undefined,
    tls: { servername: s.host },
    name: 'yuqing',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: s.from, to, subject: m.title, text: toText(m), html: toHtml(m) });
  } finally {
    transport.close();
  }
}
