import { act, fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, test } from "vitest";

import { LanguageSwitch } from "./language-switch";
import { LocaleProvider, useMessages } from "./locale-context";

function NextLabel() {
  return <p>{useMessages().steps.next}</p>;
}

function renderWith(
  requested: "en" | "es" | null,
  remembered: "en" | "es" | null,
  remember = true,
) {
  return render(
    <LocaleProvider requested={requested} remembered={remembered}>
      <NextLabel />
      <LanguageSwitch remember={remember} />
    </LocaleProvider>,
  );
}

function clearCookie() {
  document.cookie = "intake-locale=; Path=/; Max-Age=0";
}

beforeEach(() => {
  clearCookie();
  document.documentElement.lang = "";
});

describe("LocaleProvider", () => {
  test("Accept-Language picks Spanish", () => {
    renderWith("es", null);

    expect(screen.getByText("Siguiente")).toBeTruthy();
    expect(document.documentElement.lang).toBe("es");
  });

  test("remembered choice beats Accept-Language", () => {
    renderWith("es", "en");

    expect(screen.getByText("Next")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  test("switch changes text, lang and cookie", () => {
    renderWith("en", null);

    const button = screen.getByRole("button", { name: "Español" });
    expect(button.getAttribute("lang")).toBe("es");
    act(() => fireEvent.click(button));

    expect(screen.getByText("Siguiente")).toBeTruthy();
    expect(screen.getByRole("button", { name: "English" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("es");
    expect(document.cookie).toContain("intake-locale=es");
  });

  test("kiosk switch stores nothing", () => {
    renderWith("en", null, false);

    act(() => fireEvent.click(screen.getByRole("button", { name: "Español" })));

    expect(screen.getByText("Siguiente")).toBeTruthy();
    expect(document.cookie).not.toContain("intake-locale");
  });
});
