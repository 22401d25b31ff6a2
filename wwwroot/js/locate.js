// Optional enhancement: "use my location". Without JavaScript the postcode form does everything.
// The position goes only to this site, in the same GET request the form would make.
(function () {
  "use strict";
  var box = document.querySelector("[data-locate-action]");
  if (!box || !("geolocation" in navigator)) { return; }
  var button = document.getElementById("locate-button");
  var status = box.querySelector(".locate-status");
  box.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      // Five decimals is about a metre: enough to find the buurt, no more.
      var lat = position.coords.latitude.toFixed(5);
      var lon = position.coords.longitude.toFixed(5);
      window.location.href = box.getAttribute("data-locate-action") + "?lat=" + lat + "&lon=" + lon;
    }, function () {
      button.disabled = false;
      status.textContent = status.getAttribute("data-denied");
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
})();
