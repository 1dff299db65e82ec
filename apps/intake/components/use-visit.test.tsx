import { render, screen } from "@testing-library/react";
import { StrictMode } from "react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { mutations } from "../test/convex-mock";
import { useRecordView, useVisitorId } from "./use-visit";

vi.mock(
  "./convex-client",
  async () => (await import("../test/convex-mock")).convexClientMock,
);

const record = mutations["views:record"];

function Visit({ slug, fromUrl }: { slug: string; fromUrl: string | null }) {
  const visitorId = useVisitorId(slug, fromUrl);
  useRecordView(slug, visitorId);
  return <output>{visitorId ?? ""}</output>;
}

/** Renders the hooks in StrictMode. Each test passes its own slug, because a recorded view lasts for the whole test file. */
function renderVisit(slug: string, fromUrl: string | null) {
  window.history.replaceState(
    null,
    "",
    fromUrl ? `/f/${slug}/${fromUrl}` : `/f/${slug}`,
  );
  return render(
    <StrictMode>
      <Visit slug={slug} fromUrl={fromUrl} />
    </StrictMode>,
  );
}

beforeEach(() => {
  record.mockReset();
  record.mockResolvedValue(null);
});

describe("useVisitorId", () => {
  test("missing visitor is created and put in the address", () => {
    const replaceState = vi.spyOn(window.history, "replaceState");
    const lengthBefore = window.history.length;

    renderVisit("form-a", null);

    const visitorId = screen.getByRole("status").textContent ?? "";
    expect(visitorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(window.location.pathname).toBe(`/f/form-a/${visitorId}`);
    expect(replaceState).toHaveBeenLastCalledWith(
      null,
      "",
      `/f/form-a/${visitorId}`,
    );
    expect(window.history.length).toBe(lengthBefore);
    replaceState.mockRestore();
  });

  test("visitor from the address is kept", () => {
    renderVisit("form-b", "visitor-1234");

    expect(screen.getByRole("status").textContent).toBe("visitor-1234");
    expect(window.location.pathname).toBe("/f/form-b/visitor-1234");
  });

  test("invalid visitor is replaced", () => {
    renderVisit("form-c", "x");

    const visitorId = screen.getByRole("status").textContent ?? "";
    expect(visitorId).not.toBe("x");
    expect(window.location.pathname).toBe(`/f/form-c/${visitorId}`);
  });

  test("address keeps its query string", () => {
    window.history.replaceState(null, "", "/f/form-d?source=front-door");
    render(<Visit slug="form-d" fromUrl={null} />);

    expect(window.location.search).toBe("?source=front-door");
  });
});

describe("useRecordView", () => {
  test("strict mode records one view", () => {
    renderVisit("form-e", null);

    const visitorId = screen.getByRole("status").textContent;
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith({ slug: "form-e", visitorId });
  });

  test("view carries the poster code", () => {
    window.history.replaceState(null, "", "/f/form-g?src=abc234");
    render(<Visit slug="form-g" fromUrl={null} />);

    const visitorId = screen.getByRole("status").textContent;
    expect(window.location.search).toBe("?src=abc234");
    expect(record).toHaveBeenCalledWith({
      slug: "form-g",
      visitorId,
      source: "abc234",
    });
  });

  test("remount records no second view", () => {
    const { unmount } = renderVisit("form-f", "visitor-5678");
    unmount();

    renderVisit("form-f", "visitor-5678");

    expect(record).toHaveBeenCalledTimes(1);
  });
});
