// Phones for a browser test: a fresh Chromium profile each, with its first page ready, and a rack that closes them all.
import type { BrowserContext, Page } from "playwright-core";
import { launchPhone, type PhoneOptions, type PhoneProfile } from "../../support/chromium";

export interface Phone {
  profile: PhoneProfile;
  context: BrowserContext;
  /** The profile's first tab. */
  page: Page;
  close(): Promise<void>;
}

export async function openPhone(options: PhoneOptions = {}): Promise<Phone> {
  const profile = await launchPhone(options);
  const page = profile.context.pages()[0] ?? (await profile.context.newPage());
  return { profile, context: profile.context, page, close: () => profile.close() };
}

/** Keeps every phone a file opens, so an afterEach or afterAll can close them whatever the test did. */
export interface PhoneRack {
  open(options?: PhoneOptions): Promise<Phone>;
  closeAll(): Promise<void>;
}

export function phoneRack(): PhoneRack {
  const open: Phone[] = [];
  return {
    async open(options) {
      const phone = await openPhone(options);
      open.push(phone);
      return phone;
    },
    async closeAll() {
      for (const phone of open.splice(0)) await phone.close();
    },
  };
}
