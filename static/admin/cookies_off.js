/* h43p: a browser that keeps no cookies for the desk cannot sign in: say so before the password is typed,
   not only after the form came back (the server tells that apart too, auth.sent_no_cookie). */
document.addEventListener("DOMContentLoaded", () => {
  const line = document.querySelector("[data-cookies-off]");
  if (line && !navigator.cookieEnabled) line.hidden = false;
});
