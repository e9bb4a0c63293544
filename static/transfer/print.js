/* The briefing page's Print button (the CSP forbids inline handlers). */
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
