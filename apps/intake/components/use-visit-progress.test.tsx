import { render } from "@testing-library/react";
import { StrictMode } from "react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { mutations } from "../test/convex-mock";
import { useVisitProgress, type VisitProgress } from "./use-visit-progress";

vi.mock(
  "./convex-client",
  async () => (await import("../test/convex-mock")).convexClientMock,
);

const start = mutations["visits:start"];
const progress = mutations["visits:progress"];

function Progress(props: VisitProgress) {
  useVisitProgress(props);
  return null;
}

const base: VisitProgress = {
  slug: "check-in",
  visitorId: "visitor-1234",
  hasAnswers: false,
  pageIndex: 0,
  pageCount: 3,
};

function renderProgress(props: VisitProgress) {
  const view = render(
    <StrictMode>
      <Progress {...props} />
    </StrictMode>,
  );
  return {
    update: (next: VisitProgress) =>
      view.rerender(
        <StrictMode>
          <Progress {...next} />
        </StrictMode>,
      ),
  };
}

beforeEach(() => {
  window.history.replaceState(null, "", "/f/check-in/visitor-1234");
  for (const mock of [start, progress]) {
    mock.mockReset();
    mock.mockResolvedValue(null);
  }
});

describe("useVisitProgress", () => {
  test("no answers starts nothing", () => {
    renderProgress(base);

    expect(start).not.toHaveBeenCalled();
    expect(progress).not.toHaveBeenCalled();
  });

  test("first answer starts once", () => {
    const { update } = renderProgress(base);
    update({ ...base, hasAnswers: true });
    update({ ...base, hasAnswers: true });

    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith({
      slug: "check-in",
      visitorId: "visitor-1234",
    });
  });

  test("start carries the poster code", () => {
    window.history.replaceState(
      null,
      "",
      "/f/check-in/visitor-1234?src=qr2345",
    );
    renderProgress({ ...base, hasAnswers: true });

    expect(start).toHaveBeenCalledWith({
      slug: "check-in",
      visitorId: "visitor-1234",
      source: "qr2345",
    });
  });

  test("page change reports progress", () => {
    const { update } = renderProgress({ ...base, hasAnswers: true });
    update({ ...base, hasAnswers: true, pageIndex: 1 });
    update({ ...base, hasAnswers: true, pageIndex: 1 });

    expect(progress).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledWith({
      slug: "check-in",
      visitorId: "visitor-1234",
      pageIndex: 1,
      pageCount: 3,
    });
  });

  test("new visitor starts again", () => {
    const { update } = renderProgress({ ...base, hasAnswers: true });
    update({ ...base, visitorId: "visitor-5678", hasAnswers: true });

    expect(start).toHaveBeenCalledTimes(2);
    expect(start).toHaveBeenLastCalledWith({
      slug: "check-in",
      visitorId: "visitor-5678",
    });
    expect(progress).not.toHaveBeenCalled();
  });
});
