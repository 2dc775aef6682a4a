"""Clicking the picture of the human check shows another one, without posting the form."""

from playwright.sync_api import expect


def test_clicking_the_picture_or_pressing_enter_on_it_shows_another(page, accessible):
    page.goto("/accounts/login/")
    page.locator("#id_username").fill("kept_while_refreshing")
    picture_button = page.get_by_role("button", name="换一张", exact=True)
    picture = picture_button.locator("img")
    key = page.locator("input[name=captcha_0]")
    first_src, first_key = picture.get_attribute("src"), key.input_value()
    accessible(page)

    picture_button.click()
    expect(picture).not_to_have_attribute("src", first_src)
    expect(key).not_to_have_value(first_key)
    assert first_key not in picture.get_attribute("src")
    assert key.input_value() in picture.get_attribute("src")

    second_src = picture.get_attribute("src")
    picture_button.focus()
    page.keyboard.press("Enter")
    expect(picture).not_to_have_attribute("src", second_src)
    expect(picture_button).to_be_focused()
    # Nothing was posted: what was typed is still there, on the same page.
    expect(page.locator("#id_username")).to_have_value("kept_while_refreshing")
    # The new picture loads (the view's key is one the picture URL serves).
    page.wait_for_function("() => document.querySelector('.human-check img').naturalWidth > 0")
