(function () {
  var params = new URLSearchParams(location.search);
  var username = document.getElementById('username');
  var password = document.getElementById('password');
  var remembered = sessionStorage.getItem('crossroads.username');
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
    document.getElementById('login').hidden = true;
    document.getElementById('retry').focus();
  } else {
    (username.value ? password : username).focus();
  }
  document.getElementById('login').addEventListener('submit', function () {
    sessionStorage.setItem('crossroads.username', username.value.trim());
    var button = document.getElementById('submit');
    button.disabled = true;
    button.textContent = 'Signing in…';
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
  // Coming back with the browser's back button must not leave the button disabled.
  window.addEventListener('pageshow', function () {
    var button = document.getElementById('submit');
    button.disabled = false;
    button.textContent = 'Sign in';
  });
})();
