/**
 * Outgoing mail through nodemailer when `SMTP_URL` is set; otherwise mail is off and notifications
 * stay in-app and live. A mail that cannot be sent is logged, never fatal: the inbox has it anyway.
 */
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.mail ? createTransport(config.mail.url) : null;
    this.from = config.mail?.from ?? '';
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) return;
    try {
      await this.transport.sendMail({ from: this.from, ...mail });
    } catch (error) {
      this.logger.warn(`Mail to a recipient could not be sent: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
