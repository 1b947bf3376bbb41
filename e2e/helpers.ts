/** Small helpers for driving the UI the way a user does (accessible names, keyboard). */
import { expect, type Locator, type Page } from '@playwright/test';

/** A value no other test run will produce, to find this run's data among everything else. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Picks an option of an antd searchable select by typing its label and pressing Enter, then
 * checks the select shows it.
 */
export async function chooseOption(page: Page, combobox: Locator, search: string, expected = search): Promise<void> {
  await combobox.click();
  await combobox.fill(search);
  // antd keeps an accessible listbox with the active option; wait until the filter has run.
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option', { name: expected, exact: true })).toBeAttached();
  await combobox.press('Enter');
  await expect(selectionOf(combobox)).toHaveText(expected);
}

/** The text an antd select shows for its current value. */
export function selectionOf(combobox: Locator): Locator {
  return combobox
    .locator('xpath=ancestor::div[contains(@class,"ant-select-selector")]')
    .locator('.ant-select-selection-item');
}
