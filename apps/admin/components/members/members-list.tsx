"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button, Select } from "@intake/ui";
import { useMutation } from "convex/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

type Role = "owner" | "staff";

/** One row of `members:list`. */
export interface MemberRow {
  userId: Id<"users">;
  email: string | null;
  role: Role;
  isCaller: boolean;
}

const roleOptions = [
  { value: "staff", label: "Staff" },
  { value: "owner", label: "Owner" },
] as const;

/**
 * Lists the clinic's members. Owners also get a role picker and a remove
 * button per colleague, and every member gets a button to leave.
 */
export function MembersList({
  clinicId,
  members,
  isOwner,
}: {
  clinicId: Id<"clinics">;
  members: MemberRow[];
  isOwner: boolean;
}) {
  const setRole = useMutation(api.members.setRole);
  const remove = useMutation(api.members.remove);
  const leave = useMutation(api.members.leave);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function run(action: string, call: () => Promise<unknown>) {
    setError(null);
    try {
      await call();
      return true;
    } catch (caught) {
      setError(describeMutationError(caught, action));
      return false;
    }
  }

  async function handleLeave() {
    const left = await run("leave the clinic", () => leave({ clinicId }));
    if (left) router.replace("/");
  }

  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members
      </h2>
      <p role="alert" className="text-danger font-semibold">
        {error}
      </p>
      <ul className="flex flex-col gap-3">
        {members.map((member) => {
          const name = member.email ?? "Account without email";
          return (
            <li
              key={member.userId}
              className="flex flex-wrap items-center gap-3"
              aria-label={name}
            >
              <span className="min-w-48 font-medium">
                {name}
                {member.isCaller && " (you)"}
              </span>
              {isOwner ? (
                <div className="w-40">
                  <Select
                    aria-label={`Role of ${name}`}
                    options={roleOptions}
                    value={member.role}
                    onChange={(role) =>
                      run("change the role", () =>
                        setRole({
                          clinicId,
                          userId: member.userId,
                          role: role as Role,
                        }),
                      )
                    }
                  />
                </div>
              ) : (
                <span>{member.role === "owner" ? "Owner" : "Staff"}</span>
              )}
              {member.isCaller ? (
                <Button variant="secondary" onClick={handleLeave}>
                  Leave clinic
                </Button>
              ) : (
                isOwner && (
                  <Button
                    variant="ghost"
                    onClick={() =>
                      run("remove the member", () =>
                        remove({ clinicId, userId: member.userId }),
                      )
                    }
                  >
                    Remove {name}
                  </Button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
