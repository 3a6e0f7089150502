/** How the views draw: glyphs from the ASCII set (--ascii) or not, and whether colour is allowed (--no-color). */
export interface Display {
	readonly ascii: boolean;
	readonly color: boolean;
}
