// The listening guide in the language of the conversation: choosing another language in
// "Language of the conversation" shows each question and its help in it at once, from the
// page itself (each answer's data-wordings), so it works offline and without the server.
// A question not written in that language shows the main language's, tagged with its code.
(function () {
  "use strict";

  function show(language) {
    document.querySelectorAll("[data-wordings]").forEach((field) => {
      let wordings;
      try {
        wordings = JSON.parse(field.dataset.wordings);
      } catch (error) {
        return; // leave this question as the server wrote it
      }
      const wording = wordings[language];
      if (!wording) return;
      const [prompt, promptLanguage, help, helpLanguage] = wording;
      const label = field.querySelector("[data-prompt]");
      const tag = field.querySelector("[data-fell-back]");
      const hint = field.querySelector("[data-help]");
      const answer = field.querySelector("textarea");
      if (label) {
        label.textContent = prompt;
        label.lang = promptLanguage;
      }
      if (tag) {
        tag.textContent = promptLanguage.toUpperCase();
        tag.hidden = promptLanguage === language;
      }
      if (hint) {
        hint.textContent = help;
        hint.lang = helpLanguage;
        hint.hidden = !help;
      }
      // What the volunteer types is in the conversation's language (spell-checking).
      if (answer) answer.lang = language;
    });
  }

  document.querySelectorAll("select[data-guide-language]").forEach((choice) => {
    choice.addEventListener("change", () => show(choice.value));
    // A page restored by the browser's back button keeps the choice but not the labels.
    show(choice.value);
  });
})();
