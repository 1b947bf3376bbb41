/**
 * The live room over socket.io, with two people in two browsers: chat both ways, a question the
 * organiser upvotes (the count changes on the member's screen without a reload), a poll, and a member who
 * drops offline while the room gets busier than one join snapshot (50 messages) — every message sent
 * meanwhile arrives after the reconnect, in order, and what the member wrote offline is delivered
 * exactly once.
 */
import { expect, test } from './fixtures';
import {
  createMember,
  logIn,
  ORGANISER,
  organiserToken,
  publishedEventWithSession,
  sendChatMessages,
  switchToEnglish,
  uniqueTag,
} from './helpers';

test('two people chat, ask and upvote live, and nothing is lost across a reconnect', async ({
  browser,
  request,
  baseURL,
}) => {
  // Two browsers and a reconnect: more than the default minute.
  test.setTimeout(150_000);
  const tag = uniqueTag();
  const member = await createMember(request, `Lee Seo-yeon ${tag}`);
  const { eventId, sessionId } = await publishedEventWithSession(request, {
    title: `Hanyuan New Retail roadshow ${tag}`,
    sessionTitle: `Weekend warehouse pitch ${tag}`,
    registerToken: member.token,
  });
  const room = `/live/sessions/${sessionId}?event=${eventId}`;

  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  await logIn(organiser, ORGANISER, `/events/${eventId}`);
  await switchToEnglish(organiser);
  await organiser.goto(room);

  const memberContext = await browser.newContext();
  const page = await memberContext.newPage();
  await logIn(page, member, `/events/${eventId}`);
  // The session is on now: the event page offers to join it.
  await page.getByRole('link', { name: `Join live: Weekend warehouse pitch ${tag}` }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/live/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Weekend warehouse pitch ${tag}` })).toBeVisible();

  // Both are in the room.
  await expect(page.getByText('2 people here')).toBeVisible();
  await expect(organiser.getByText('2 people here')).toBeVisible();

  // --- Chat both ways ---
  const memberLog = page.getByRole('log', { name: 'Chat messages' });
  const organiserLog = organiser.getByRole('log', { name: 'Chat messages' });
  await organiser.getByLabel('Message', { exact: true }).fill(`Welcome to Qingdao ${tag}`);
  await organiser.getByLabel('Message', { exact: true }).press('Enter');
  await expect(memberLog.getByText(`Welcome to Qingdao ${tag}`)).toBeVisible();

  await page.getByLabel('Message', { exact: true }).fill(`Hello from Seoul ${tag}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(organiserLog.getByText(`Hello from Seoul ${tag}`)).toBeVisible();
  await expect(memberLog.getByText(`Hello from Seoul ${tag}`)).toHaveCount(1);

  // --- A question, upvoted by the organiser, changes on the member's screen ---
  const question = `When does the weekend warehouse open in Chengyang? ${tag}`;
  await page.getByLabel('Ask a question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  // The asked question, not its "sending" entry in the outbox (for a moment the broadcast can show
  // the question before the ack has taken the outbox entry away).
  const questionsOf = (p: typeof page) => p.getByRole('list', { name: 'Questions, most votes first' });
  const memberQuestion = questionsOf(page).getByRole('listitem').filter({ hasText: question });
  await expect(memberQuestion).toContainText('0 votes');
  const organiserQuestion = questionsOf(organiser).getByRole('listitem').filter({ hasText: question });
  await expect(organiserQuestion).toContainText('0 votes');
  await organiserQuestion.getByRole('button', { name: 'Upvote' }).click();
  await expect(organiserQuestion.getByRole('button', { name: 'Upvoted' })).toBeDisabled();
  await expect(memberQuestion).toContainText('1 vote');

  // --- A poll: the organiser opens it, the member votes, the organiser sees the result ---
  await organiser.getByText('New poll', { exact: true }).click();
  await organiser.getByLabel('Question', { exact: true }).fill(`Next roadshow city? ${tag}`);
  await organiser.getByLabel('Option 1', { exact: true }).fill('Qingdao');
  await organiser.getByLabel('Option 2', { exact: true }).fill('Incheon');
  await organiser.getByRole('button', { name: 'Start poll' }).click();
  const memberPoll = page.getByRole('listitem').filter({ hasText: `Next roadshow city? ${tag}` });
  await memberPoll.getByRole('radio', { name: 'Incheon' }).check();
  await memberPoll.getByRole('button', { name: 'Vote' }).click();
  await expect(memberPoll).toContainText('Incheon · your vote');
  const organiserPoll = organiser.getByRole('listitem').filter({ hasText: `Next roadshow city? ${tag}` });
  await expect(organiserPoll).toContainText('1 vote in total');

  // --- The member drops offline; the room goes on, busier than one join snapshot (50 messages) ---
  await memberContext.setOffline(true);
  await expect(page.getByText('Connection lost — reconnecting…')).toBeVisible();
  await expect(organiser.getByText('1 person here')).toBeVisible();
  await organiser.getByLabel('Message', { exact: true }).fill(`While you were away ${tag}`);
  await organiser.getByLabel('Message', { exact: true }).press('Enter');
  await expect(organiserLog.getByText(`While you were away ${tag}`)).toBeVisible();
  const backlog = Array.from({ length: 55 }, (_, i) => `Backlog ${i + 1} ${tag}`);
  await sendChatMessages(baseURL!, await organiserToken(request), `session:${sessionId}`, backlog);
  // What the member writes offline waits in the outbox.
  await page.getByLabel('Message', { exact: true }).fill(`Typed on the subway ${tag}`);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  const outbox = page.getByRole('list', { name: 'Messages not yet delivered' });
  await expect(outbox).toContainText(`Typed on the subway ${tag}`);
  await expect(outbox).toContainText('Waiting for the connection…');
  await expect(memberLog.getByText(`While you were away ${tag}`)).toHaveCount(0);

  // --- Back online: everything missed arrives (also what is older than the snapshot's last 50),
  // and the outbox is delivered exactly once ---
  await memberContext.setOffline(false);
  await expect(memberLog.getByText(`While you were away ${tag}`)).toBeVisible();
  await expect(memberLog.getByText(`Backlog 55 ${tag}`, { exact: true })).toBeVisible();
  await expect(outbox).toHaveCount(0);
  await expect(memberLog.getByText(`Typed on the subway ${tag}`)).toHaveCount(1);
  await expect(organiserLog.getByText(`Typed on the subway ${tag}`)).toHaveCount(1);
  await expect(page.getByText('2 people here')).toBeVisible();
  // Every message once, in order: the message before the backlog, the backlog, then the subway message.
  const texts = await memberLog.getByRole('listitem').allInnerTexts();
  const expected = [`While you were away ${tag}`, ...backlog, `Typed on the subway ${tag}`];
  const positions = expected.map((text) => texts.filter((t) => t.trim().endsWith(text)).length);
  expect(positions).toEqual(expected.map(() => 1));
  const order = expected.map((text) => texts.findIndex((t) => t.trim().endsWith(text)));
  expect(order).toEqual([...order].sort((a, b) => a - b));

  // --- A moderator deletes a message for everyone ---
  await organiserLog
    .getByRole('listitem')
    .filter({ hasText: `Hello from Seoul ${tag}` })
    .getByRole('button', { name: `Delete message from ${member.displayName}` })
    .click();
  await organiser.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(memberLog.getByText(`Hello from Seoul ${tag}`)).toHaveCount(0);
  await expect(memberLog.getByText('Message deleted')).toBeVisible();

  await organiserContext.close();
  await memberContext.close();
});

test('without LiveKit the room says video is off and still works; strangers are asked to register', async ({
  browser,
  request,
}) => {
  const tag = uniqueTag();
  const member = await createMember(request, `Choi Min-ho ${tag}`);
  const config = await request.get('/api/live/config', { headers: { Authorization: `Bearer ${member.token}` } });
  expect(await config.json()).toEqual({ enabled: false, url: null });
  const { eventId, sessionId } = await publishedEventWithSession(request, {
    title: `Cloud signing ${tag}`,
    sessionTitle: `Cloud signing session ${tag}`,
    registerToken: member.token,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, member, `/live/sessions/${sessionId}`);
  await expect(page.getByRole('status').filter({ hasText: 'Video is off on this server' })).toBeVisible();
  await expect(page.getByText('Chat, questions and polls work as usual.')).toBeVisible();

  await page.getByLabel('Message', { exact: true }).fill(`Video or not, hello ${tag}`);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  await expect(page.getByRole('log', { name: 'Chat messages' }).getByText(`Video or not, hello ${tag}`)).toBeVisible();

  // In Korean too.
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.getByText('이 서버에서는 영상이 꺼져 있습니다')).toBeVisible();
  await context.close();

  // Someone who has not registered is told to register first, with the way back to the event.
  const stranger = await createMember(request, `Wang Fang ${tag}`);
  const strangerContext = await browser.newContext();
  const strangerPage = await strangerContext.newPage();
  await logIn(strangerPage, stranger, `/live/sessions/${sessionId}`);
  await strangerPage.goto(`/live/sessions/${sessionId}?event=${eventId}`);
  await expect(strangerPage.getByText('Register to take part')).toBeVisible();
  await strangerPage.getByRole('link', { name: '← Back to the event' }).click();
  await expect(strangerPage.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await strangerContext.close();
});
