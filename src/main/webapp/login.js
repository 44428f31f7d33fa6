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
  (username.value ? password : username).focus();
  document.getElementById('login').addEventListener('submit', function () {
    sessionStorage.setItem('crossroads.username', username.value.trim());
    var button = document.getElementById('submit');
    button.disabled = true;
    button.textContent = 'Signing in…';
  });
  // Coming back with the browser's back button must not leave the button disabled.
  window.addEventListener('pageshow', function () {
    var button = document.getElementById('submit');
    button.disabled = false;
    button.textContent = 'Sign in';
  });
})();
