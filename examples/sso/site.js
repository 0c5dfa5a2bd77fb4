// The publisher's page script: asks the site's own backend for a Parley token for the reader
// signed in here, and passes it to the comment section. embed.js loads asynchronously, so the
// token waits for window.Parley if it arrives first.
const whenParley = () =>
  new Promise((resolve) => {
    if (window.Parley) return resolve(window.Parley);
    document.querySelector('script[src$="/embed.js"]').addEventListener('load', () => resolve(window.Parley));
  });

async function signIn() {
  const response = await fetch('/parley-token', { credentials: 'same-origin' });
  const signedIn = response.ok;
  document.querySelector('.signed-in').hidden = !signedIn;
  document.querySelector('.signed-out').hidden = signedIn;
  if (!signedIn) return;
  const { token, name } = await response.json();
  document.querySelector('.who').textContent = name;
  (await whenParley()).login(token);
}

signIn();
