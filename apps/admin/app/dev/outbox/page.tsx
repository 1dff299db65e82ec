"use client";

import { api } from "@intake/backend/api";
import { useQuery } from "convex/react";

import { PageHeading } from "@/components/shell/page-heading";
import { formatDateTime } from "@/lib/format-time";

/**
 * Lists the latest messages of the backend's outbox, where a deployment
 * without real email stores password reset codes. The backend returns
 * them only while its `INTAKE_DEV_OUTBOX` variable is "1".
 */
export default function OutboxPage() {
  const messages = useQuery(api.outbox.latest, {});

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-12">
      <title>Outbox · Intake</title>
      <PageHeading>Outbox</PageHeading>
      {messages === undefined && <p role="status">Loading messages…</p>}
      {messages === null && (
        <p role="status">
          The outbox is off. Set INTAKE_DEV_OUTBOX=1 in the backend environment
          to list messages here.
        </p>
      )}
      {messages?.length === 0 && <p role="status">No messages yet.</p>}
      {messages && messages.length > 0 && (
        <table className="w-full text-left">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Code</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr
                key={message.messageId}
                className="border-border-subtle border-t"
              >
                <td>{message.to}</td>
                <td>{message.subject}</td>
                <td>
                  <code data-testid="outbox-code">{message.code ?? "—"}</code>
                </td>
                <td>{formatDateTime(message.sentAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
