/* 历史上的今天 on the home page: the issues published on today's month and day in earlier
   years. Today is the reader's, from their clock, so a static site stays right every day.
   The section's data-months lists the build's twelve index scripts (January first); this
   loads today's month's, a classic script (file:// allows no fetch) that calls
   gazetteOnThisDay({"MM-DD": [issue, …]}). Its URLs are site-relative, made relative to this
   page with data-root. Nothing is shown when no earlier year has an issue today. */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function span(className, text) {
    var node = document.createElement("span");
    node.className = className;
    node.textContent = text;
    return node;
  }

  function item(issue, root, year) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + issue.url;
    link.appendChild(span("issue-pub", issue.publication));
    link.appendChild(document.createTextNode(" "));
    link.appendChild(span("issue-date", issue.date));
    li.appendChild(link);
    li.appendChild(document.createTextNode(" "));
    var facts = [(year - issue.year) + "年前"];
    if (issue.facts) facts.push(issue.facts);
    li.appendChild(span("muted", facts.join(" · ")));
    if (issue.lead) li.appendChild(span("on-this-day-lead", "首篇：" + issue.lead));
    return li;
  }

  var box = document.getElementById("on-this-day");
  var today = new Date();

  window.gazetteOnThisDay = function (days) {
    box.setAttribute("data-state", "done");  // read, whether or not it shows anything
    var year = today.getFullYear();
    var issues = (days[pad(today.getMonth() + 1) + "-" + pad(today.getDate())] || [])
      .filter(function (issue) { return issue.year < year; });
    if (!issues.length) return;
    var root = box.getAttribute("data-root") || "";
    var list = box.querySelector("ul");
    issues.forEach(function (issue) { list.appendChild(item(issue, root, year)); });
    box.querySelector(".on-this-day-date").textContent = " · " + (today.getMonth() + 1) + "月" + today.getDate() + "日";
    box.hidden = false;
  };

  if (!box) return;
  var script = document.createElement("script");
  script.src = box.getAttribute("data-months").split(" ")[today.getMonth()];
  document.body.appendChild(script);
}());
