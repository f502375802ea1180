// The demo shop speaks Sohbet's page API the way a real shop would: calls made before the loader has run are
// queued in window.Sohbet as arrays and replayed by it.
(function () {
  "use strict";
  function call() {
    var args = Array.prototype.slice.call(arguments);
    var api = window.Sohbet;
    if (api && api._sohbet) api[args[0]].apply(api, args.slice(1));
    else (window.Sohbet = api || []).push(args);
  }
  function absolute(path) {
    return new URL(path, location.href).href;
  }

  var product = document.querySelector(".product-detail[data-sku]");
  if (product) {
    var item = {
      sku: product.dataset.sku,
      name: product.dataset.name,
      price: Number(product.dataset.price),
      currency: "EUR",
      url: location.href,
      image: absolute(product.dataset.image),
    };
    call("track", "product_view", item);
    var add = product.querySelector("[data-add-to-cart]");
    if (add) {
      add.addEventListener("click", function () {
        call("track", "add_to_cart", { sku: item.sku, name: item.name, price: item.price, currency: "EUR", quantity: 1 });
      });
    }
  }

  var cart = document.querySelector("[data-cart]");
  if (cart) {
    var items = Array.prototype.map.call(cart.querySelectorAll("[data-line]"), function (line) {
      return { sku: line.dataset.sku, quantity: Number(line.dataset.quantity), price: Number(line.dataset.price) };
    });
    call("setCart", { items: items, total: Number(cart.dataset.total), currency: "EUR" });
    call("track", "checkout_step", { step: "cart" });
  }

  var checkout = document.querySelector("[data-checkout]");
  if (checkout) {
    var total = Number(checkout.dataset.total);
    call("track", "checkout_step", { step: "address" });
    var reached = { address: true };
    var fields = { address: "shipping", postcode: "shipping", country: "payment" };
    Object.keys(fields).forEach(function (id) {
      var field = document.getElementById(id);
      if (!field) return;
      field.addEventListener("focus", function () {
        var step = fields[id];
        if (reached[step]) return;
        reached[step] = true;
        call("track", "checkout_step", { step: step });
      });
    });
    var place = document.querySelector("[data-place-order]");
    if (place) {
      place.addEventListener("click", function () {
        call("track", "checkout_step", { step: "review" });
        call("track", "purchase", { orderId: "DEMO-" + Date.now().toString(36), total: total, currency: "EUR" });
        call("setCart", { items: [], total: 0, currency: "EUR" });
      });
    }
  }
})();
