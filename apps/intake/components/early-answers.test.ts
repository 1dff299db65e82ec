import type { FormDefinition } from "@intake/form-schema";
import { afterEach, expect, test } from "vitest";

import { readEarlyAnswers } from "./early-answers";

const definition: FormDefinition = {
  title: "Intake",
  pages: [
    {
      id: "one",
      title: "One",
      fields: [
        { type: "heading", id: "intro", label: "Intro", text: "Hello" },
        { type: "shortText", id: "name", label: "Name" },
        { type: "number", id: "age", label: "Age" },
        { type: "number", id: "weight", label: "Weight" },
        { type: "yesNo", id: "smoker", label: "Smoker" },
        {
          type: "multipleChoice",
          id: "colours",
          label: "Colours",
          options: [
            { value: "red", label: "Red" },
            { value: "blue", label: "Blue" },
            { value: "green", label: "Green" },
          ],
        },
        { type: "consent", id: "agree", label: "Agree" },
        { type: "email", id: "email", label: "Email" },
      ],
    },
  ],
};

afterEach(() => {
  document.body.innerHTML = "";
});

test("early answers read each control kind", () => {
  document.body.innerHTML = `
    <input name="name" value="Ana">
    <input name="age" value="42">
    <input name="weight" value="70,5">
    <input type="radio" name="smoker" value="yes">
    <input type="radio" name="smoker" value="no" checked>
    <input type="checkbox" name="colours" value="red" checked>
    <input type="checkbox" name="colours" value="blue">
    <input type="checkbox" name="colours" value="green" checked>
    <input type="checkbox" name="agree" checked>
    <input name="email" value="">
  `;

  expect(readEarlyAnswers(definition)).toEqual({
    name: "Ana",
    age: 42,
    weight: "70,5",
    smoker: false,
    colours: ["red", "green"],
    agree: true,
  });
});

test("early answers skip absent controls", () => {
  expect(readEarlyAnswers(definition)).toEqual({});
});
