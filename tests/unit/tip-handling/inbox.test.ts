import { describe, expect, it } from 'vitest';
import {
  INBOX_STATES,
  INBOX_TRANSITIONS,
  inboxEvents,
  inboxOrder,
  inboxRecord,
  inboxState,
  isOverdueInInbox,
  type InboxRecord,
} from '../../../src/lib/tip-handling/inbox';

const TIP: InboxRecord = { received: '2026-03-02', followUps: [], answered: [] };

describe('inboxState', () => {
  it('a tip nobody answered is 新举报, waiting since the day it came', () => {
    expect(inboxState(TIP, '2026-03-12')).toEqual({ state: '新举报', since: '2026-03-02', waited: 10 });
  });

  it('a follow-up before any answer leaves it 新举报, still counted from the tip', () => {
    const record = { ...TIP, followUps: [{ received: '2026-03-05', recorded: false }] };
    expect(inboxState(record, '2026-03-06')).toEqual({ state: '新举报', since: '2026-03-02', waited: 4 });
  });

  it('an office message makes it 已回复, not waiting', () => {
    expect(inboxState({ ...TIP, answered: ['2026-03-04'] }, '2026-03-20')).toEqual({
      state: '已回复',
      since: '2026-03-04',
      waited: undefined,
    });
  });

  it('a decision the informant reads on /receipt/ counts as an answer', () => {
    expect(inboxState({ ...TIP, decided: '2026-03-03' }, '2026-03-20').state).toBe('已回复');
  });

  it('a follow-up after the last answer is 有新补充, waiting since the follow-up', () => {
    const record = {
      ...TIP,
      answered: ['2026-03-04'],
      followUps: [
        { received: '2026-03-06', recorded: false },
        { received: '2026-03-09', recorded: false },
      ],
    };
    expect(inboxState(record, '2026-03-10')).toEqual({ state: '有新补充', since: '2026-03-06', waited: 4 });
    expect(inboxState({ ...record, answered: ['2026-03-04', '2026-03-10'] }, '2026-03-10').state).toBe('已回复');
  });

  it('a follow-up the conversation records was taken in: it moves nothing, whatever its day', () => {
    const record = { ...TIP, answered: ['2026-03-04'], followUps: [{ received: '2026-03-08', recorded: true }] };
    expect(inboxState(record, '2026-03-20').state).toBe('已回复');
    expect(inboxState({ ...TIP, followUps: [{ received: '2026-03-08', recorded: true }] }, '2026-03-20')).toEqual({
      state: '新举报',
      since: '2026-03-02',
      waited: 18,
    });
  });

  it('on one day, a recorded follow-up came before the answer and one not recorded after it', () => {
    const base = { ...TIP, answered: ['2026-03-06'] };
    expect(inboxState({ ...base, followUps: [{ received: '2026-03-06', recorded: true }] }, '2026-03-07').state).toBe(
      '已回复',
    );
    expect(inboxState({ ...base, followUps: [{ received: '2026-03-06', recorded: false }] }, '2026-03-07')).toEqual({
      state: '有新补充',
      since: '2026-03-06',
      waited: 1,
    });
  });

  it('a closed conversation is 已结束, whatever comes after', () => {
    const record = {
      ...TIP,
      answered: ['2026-03-04'],
      closed: '2026-03-05',
      followUps: [{ received: '2026-03-08', recorded: false }],
    };
    expect(inboxState(record, '2026-03-20')).toEqual({ state: '已结束', since: '2026-03-05', waited: undefined });
  });

  it('counts waiting in whole days, never below zero', () => {
    expect(inboxState(TIP, '2026-03-02').waited).toBe(0);
    expect(inboxState(TIP, '2026-03-01').waited).toBe(0);
  });
});

describe('INBOX_TRANSITIONS', () => {
  it('has a row for every state, and 已归档 keeps a tip archived', () => {
    expect(Object.keys(INBOX_TRANSITIONS).sort()).toEqual([...INBOX_STATES].sort());
    expect(Object.values(INBOX_TRANSITIONS.已归档)).toEqual(['已归档', '已归档', '已归档', '已归档']);
    for (const state of INBOX_STATES) expect(INBOX_TRANSITIONS[state].归档).toBe('已归档');
  });

  it('the archive marker derives 归档, after everything else of its day, and nothing moves it back', () => {
    const record = {
      ...TIP,
      answered: ['2026-03-04'],
      decided: '2026-03-04',
      closed: '2026-03-09',
      followUps: [
        { received: '2026-03-05', recorded: true },
        { received: '2026-03-20', recorded: false },
      ],
    };
    expect(inboxEvents(record).map((e) => e.event)).toEqual(['答复', '答复', '结束', '补充']);
    const archived = { ...record, archived: '2026-03-10' };
    expect(inboxEvents(archived).map((e) => e.event)).toEqual(['答复', '答复', '结束', '归档', '补充']);
    expect(inboxState(archived, '2026-03-21')).toEqual({ state: '已归档', since: '2026-03-10', waited: undefined });
    expect(inboxState(inboxRecord('2026-03-02', [], undefined, undefined, '2026-03-02'), '2026-03-03').state).toBe(
      '已归档',
    );
  });
});

describe('inboxRecord', () => {
  it('takes the office messages and the closing day from the receipt entry, and a decision from triage', () => {
    const entry = {
      messages: [
        { date: '2026-03-04', from: 'office' as const, ciphertext: 'x' },
        { date: '2026-03-05', from: 'informant' as const, ciphertext: 'y', ref: '0123456789abcdef' },
      ],
      closed: '2026-03-09',
    };
    expect(inboxRecord('2026-03-02', [], entry, { v: 1, status: '核查中', updated: '2026-03-03' })).toEqual({
      received: '2026-03-02',
      followUps: [],
      answered: ['2026-03-04'],
      decided: '2026-03-03',
      closed: '2026-03-09',
    });
  });

  it('a triage record of 已收到 is no decision; no entry, no messages', () => {
    expect(inboxRecord('2026-03-02', [], undefined, { v: 1, status: '已收到', updated: '2026-03-03' })).toEqual({
      received: '2026-03-02',
      followUps: [],
      answered: [],
      decided: undefined,
      closed: undefined,
    });
  });
});

describe('the inbox order and the due list', () => {
  it('puts the waiting first, longest waiting first', () => {
    const today = '2026-03-20';
    const entries = [
      inboxState({ ...TIP, answered: ['2026-03-03'] }, today),
      inboxState({ ...TIP, received: '2026-03-10' }, today),
      inboxState({ ...TIP, closed: '2026-03-04' }, today),
      inboxState({ ...TIP, answered: ['2026-03-03'], followUps: [{ received: '2026-03-08', recorded: false }] }, today),
    ].sort(inboxOrder);
    expect(entries.map((e) => e.state)).toEqual(['有新补充', '新举报', '已回复', '已结束']);
  });

  it('is due after more than 7 days waiting', () => {
    expect(isOverdueInInbox(inboxState(TIP, '2026-03-09'))).toBe(false);
    expect(isOverdueInInbox(inboxState(TIP, '2026-03-10'))).toBe(true);
    expect(isOverdueInInbox(inboxState({ ...TIP, answered: ['2026-03-02'] }, '2026-04-30'))).toBe(false);
  });
});
