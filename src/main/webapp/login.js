(function () {
  var params = new URLSearchParams(location.search);
  var form = document.getElementById('login');
  var username = document.getElementById('username');
  var password = document.getElementById('password');
  var button = document.getElementById('submit');
  var throttled = document.getElementById('throttled');
  var remembered = sessionStorage.getItem('crossroads.username');
  var until = 0; // while too many sign-ins failed: when signing in may be tried again (ms since the epoch)
  var timer = null;
  if (params.has('failed')) {
    document.getElementById('failed').hidden = false;
    if (remembered) username.value = remembered;
  } else if (params.has('unknown')) {
    document.getElementById('unknown').hidden = false;
  } else if (params.has('expired')) {
    document.getElementById('expired').hidden = false;
  }
  if (params.has('unavailable')) {
    // Only the identity provider signs people in here, and it is away: no form, a way back.
    document.getElementById('unavailable').hidden = false;
    form.hidden = true;
    document.getElementById('retry').focus();
  } else {
    (username.value ? password : username).focus();
  }

  function show(id) {
    ['failed', 'unknown', 'expired', 'throttled', 'again', 'trouble'].forEach(function (other) {
      document.getElementById(other).hidden = other !== id;
    });
  }

  function ready() {
    button.disabled = false;
    button.textContent = 'Sign in';
  }

  /** Too many failed sign-ins: says how long to wait, once, and keeps the button off until then. */
  function wait(seconds) {
    until = Date.now() + seconds * 1000;
    var at = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' }).format(new Date(until));
    throttled.textContent = 'Too many failed sign-ins for this user name or from this address. Try again in '
      + seconds + (seconds === 1 ? ' second' : ' seconds') + ' (at ' + at + ').';
    show('throttled');
    button.disabled = true;
    tick();
  }

  /** Counts down on the button, which no one is told of every second; at the end, the page says so politely. */
  function tick() {
    clearTimeout(timer);
    var left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      until = 0;
      show('again');
      ready();
      return;
    }
    button.textContent = 'Wait ' + left + ' s';
    timer = setTimeout(tick, 1000);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (button.disabled || until > Date.now()) return;
    sessionStorage.setItem('crossroads.username', username.value.trim());
    button.disabled = true;
    button.textContent = 'Signing in…';
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 429) {
          var seconds = parseInt(response.headers.get('Retry-After'), 10);
          wait(seconds > 0 ? seconds : 60);
        } else if (response.redirected || response.ok) {
          // Into the portal, or back to this page saying the password did not match.
          location.assign(response.url);
        } else {
          show('trouble');
          ready();
        }
      })
      .catch(function () {
        // Not answered here (offline, or led to another site): the form's own post goes instead.
        // (The button's id shadows the form's submit method.)
        HTMLFormElement.prototype.submit.call(form);
      });
  });
  // Only a demo deployment names users to try; the service says whether this is one.
  fetch('login/demo', { headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : { demo: false }; })
    .then(function (hints) {
      if (!hints.demo) return;
      var hint = document.getElementById('demo');
      hint.appendChild(document.createTextNode('Demo: '));
      hints.users.forEach(function (user, i) {
        if (i > 0) {
          hint.appendChild(document.createTextNode(i === hints.users.length - 1 ? ' or ' : ', '));
        }
        var code = document.createElement('code');
        code.textContent = user;
        hint.appendChild(code);
      });
      hint.appendChild(document.createTextNode(', password '));
      var password = document.createElement('code');
      password.textContent = hints.password;
      hint.appendChild(password);
      hint.appendChild(document.createTextNode('.'));
      hint.hidden = false;
    })
    .catch(function () { /* no hint is the safe default */ });
  // Coming back with the browser's back button must not leave the button disabled, unless it waits.
  window.addEventListener('pageshow', function () {
    if (until > Date.now()) tick(); else ready();
  });
})();
